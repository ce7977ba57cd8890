"""Appeals: an author asks for a decision or a ban to be looked at again."""
