"""The model tests: Qt models without widgets. ``model_samples.py`` beside this file holds the
sample profiles and sessions (this folder is on ``sys.path`` for the subfolders' tests)."""
