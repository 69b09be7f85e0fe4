"""Language packs: each holds its language's knowledge as data files under lang/<code>/data/."""
