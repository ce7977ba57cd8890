"""Queue consumers and in-process batchers."""
