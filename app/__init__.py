"""The domain core of Casefile: plain Python, no Qt, no torch."""
