"""quotewire: who said what, and who is in the story."""
