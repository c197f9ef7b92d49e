# cs-chase: sources, man page and tests are added here.
