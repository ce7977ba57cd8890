"""Score suggestions: what a platform says a comment's score should have been (labelled data)."""
