import unittest

from local_aws import MOTO_VERSION
from local_aws.moto_pin import PINNED_MOTO, UnsupportedMotoVersion, require_pinned_moto


class MotoPinTest(unittest.TestCase):
    def test_the_installed_moto_is_the_pinned_one(self):
        self.assertEqual(MOTO_VERSION, "5.2.5")
        self.assertEqual(require_pinned_moto(), PINNED_MOTO)

    def test_another_moto_is_refused_with_what_to_do(self):
        with self.assertRaises(UnsupportedMotoVersion) as refused:
            require_pinned_moto("5.2.6")
        self.assertIn("local_aws supports moto 5.2.5 only, found 5.2.6", str(refused.exception))
        self.assertIn("make tools", str(refused.exception))
        with self.assertRaises(ImportError):  # at import time, as the package runs it
            require_pinned_moto("none")
