"""The domain core of Casefile: plain Python, no Qt, no torch."""
__version__ = "0.1.0"
