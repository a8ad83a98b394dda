"""Quality measured against gold answers, one module per stage measured:

- clusters: stories against gold labels (B-cubed and pairwise P/R/F1), `storyline eval clusters`;
- timeline: timeline dates and storyline links, `storyline eval timeline`;
- analysis: entities, quotes, speakers and dates, `storyline eval analysis`
  (python -m storyline.evaluate.analysis examples/demo);
- compare: conflicts, claim statuses and quote variants, `storyline eval compare`
  (python -m storyline.evaluate.compare examples/demo);
- real: conflicts, look-alikes, updates and claim groups on an annotated real set (tests/fixtures/real), `storyline eval compare FOLDER`;
- quotes: direct quotations and their speakers against PolNeAR-style attributions, `storyline eval quotes`;
- dates: dates read from text against a gold set of expressions, `storyline eval dates`;
- gold: reading gold files and the paths they label.
"""
