import sys

from local_aws.server import main

sys.exit(main())
