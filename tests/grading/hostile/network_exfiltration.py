"""Hostile submission: Connect out to send the inputs away and fetch answers."""
import socket


def _fetch():
    try:
        socket.create_connection(('127.0.0.1', 80), timeout=1).sendall(b'answers?')
    except OSError:
        pass
    return None


def apply_threshold(probabilities, threshold=0.5):
    return _fetch()


def count_positive_predictions(probabilities, thresholds):
    return _fetch()
