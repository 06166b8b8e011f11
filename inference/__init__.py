"""Inference: the worker protocol and client (no torch) and the worker process (torch)."""
