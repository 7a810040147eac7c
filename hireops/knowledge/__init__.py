"""What HireOps knows about work, kept as data: roles, skills and interview questions.

The files in `data/` are read by small loaders that check their shape and references and fail
at import with the file and entry at fault. This package imports nothing else from HireOps, so
the offline engine and the features above it can all read it.
"""
