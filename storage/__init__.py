"""The encrypted vault: SQLCipher engine, schema, key slots, audit chain, repositories."""
