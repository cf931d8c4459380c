"""Reading messages: normalisation, rule detectors, the transformer model and the ensemble.

Turns text into a `Verdict` with named, explainable parts. Knows nothing of Telegram, storage or
config files: callers pass plain values (paths, thresholds) in.
"""
