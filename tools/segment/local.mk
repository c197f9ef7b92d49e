# cs-segment: sources, man page and tests are added here.
