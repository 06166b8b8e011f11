"""Review tables: documents (or families) by questions, each cell answered, cited and checked."""
