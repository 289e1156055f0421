"""The A6 pocket card: the schedule day by day, key points and contacts."""
