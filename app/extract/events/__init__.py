"""Events: meetings, visits and calls with their kind, date, place and participants."""
