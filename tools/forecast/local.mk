# cs-forecast: sources, man page and tests are added here.
