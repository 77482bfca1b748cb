"""One definition of "the services of a city", with an explicit status filter.

A city's services are those whose area lies in the city (city level and below) and
those that serve its whole province. Which statuses an output lists is its caller's
explicit choice, from the two named sets below.
"""

from __future__ import annotations

# Web pages and search: everything a person might still use. A closed service keeps
# its own page (with its status) but is not offered in a city's list.
LISTED = frozenset({"active", "temporarily_closed", "unverified"})
# Paper lives for months and can't say "closed since": only services that run.
PRINTED = frozenset({"active", "unverified"})


def services_of_city(directory, city: str, statuses: frozenset[str]) -> list:
    """Entries of the services covering `city` whose status is in `statuses`, by name."""
    return [e for e in directory.services_covering_city(city) if e.record.status in statuses]
