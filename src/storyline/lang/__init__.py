"""The words of each language that the rules read, one module per language, English included."""
