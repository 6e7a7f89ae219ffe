"""Actors: knowledge base, recognition, resolution and coreference (component `dyad_actors`)."""

from dyad.actors.kb import KnowledgeBase, Organization, Person, Place, Role, State, load_kb

__all__ = ["KnowledgeBase", "Organization", "Person", "Place", "Role", "State", "load_kb"]
