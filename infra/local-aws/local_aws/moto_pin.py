"""The extension reaches into moto's internals (its CloudFormation type map, IAM's role model), which change between
releases: it runs only on the moto version it was written and tested against."""

from importlib import metadata

PINNED_MOTO = "5.2.5"


class UnsupportedMotoVersion(ImportError):
    pass


def require_pinned_moto(installed: str | None = None) -> str:
    version = installed if installed is not None else _installed_moto()
    if version != PINNED_MOTO:
        raise UnsupportedMotoVersion(
            f"local_aws supports moto {PINNED_MOTO} only, found {version}: install the pin of requirements-dev.txt"
            " (make tools), or re-check local_aws against the new moto and move PINNED_MOTO"
        )
    return version


def _installed_moto() -> str:
    try:
        return metadata.version("moto")
    except metadata.PackageNotFoundError:
        return "none"
