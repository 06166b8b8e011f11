"""Static assets: prompt templates, the demo documents and their generator."""
