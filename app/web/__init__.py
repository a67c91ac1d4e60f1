"""Server-rendered pages for people: the annotated article, an actor's quotes, the article list.

They read through `app.queries`, as the API does, and need no script to be read.
"""
