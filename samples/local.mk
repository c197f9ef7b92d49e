# samples/: the generator and the demo; filled in by the samples work.
