"""User reports: a platform forwards a user's report of a message; moderators judge them."""
