"""Training pipeline for the built-in toxicity model (needs scikit-learn-free scipy + pandas)."""
