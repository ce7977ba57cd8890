"""Text in images: decoding an image safely, reading its text (OCR) and placing it in a message."""
