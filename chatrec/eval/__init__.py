"""Evaluation: offline metrics, the ReDial benchmark and simulated shoppers."""
