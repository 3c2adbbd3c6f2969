"""Cultural and memorial items: festivals, exhibitions, anniversaries."""
