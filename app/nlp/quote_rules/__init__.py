"""The quote finder's rules, one module each, in the order `app.nlp.quotes` runs them.

Document rules read the whole parse: `frames` (reporting frames), then `labels` ("Name: words"
paragraphs). Quotation rules then try, for each quotation no earlier rule claimed, the most
precise evidence first: `adjacent_cues` (cue after, cue before, name colon, colon intro),
`continuation` (a paragraph of pure quotation), `speaking_clause`. `assembly` joins and extends
the drafts, `output` turns them into `Quote`s with resolved speakers.
"""
