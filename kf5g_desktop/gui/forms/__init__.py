"""Generated Designer forms — do not edit."""
