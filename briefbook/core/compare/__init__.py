"""Comparing two versions of a brief: the changes as data, schedule changes, word
differences, and the earlier brief as one edition shows it."""
