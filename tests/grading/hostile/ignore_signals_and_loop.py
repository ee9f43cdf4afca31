"""Hostile submission: Ignore SIGTERM/SIGALRM/SIGINT, then loop forever."""
import signal
for s in (signal.SIGTERM, signal.SIGALRM, signal.SIGINT):
    signal.signal(s, signal.SIG_IGN)


def apply_threshold(probabilities, threshold=0.5):
    while True:
        pass


def count_positive_predictions(probabilities, thresholds):
    while True:
        pass
