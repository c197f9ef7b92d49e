# cs-reviews: sources, man page and tests are added here.
