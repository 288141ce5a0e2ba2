"""Places: toponyms resolved offline against a GeoNames gazetteer, and where each event happened.

``gazetteer`` loads the places, ``mentions`` finds the names in a story, ``resolve`` picks the
entry each name means, ``stage`` is the ``places`` pipeline stage and ``events`` the
``event_places`` stage that places each event.
"""
