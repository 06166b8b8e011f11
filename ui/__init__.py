"""PySide6 widgets. Talks to ``app`` services only; never imports storage, torch or transformers."""
