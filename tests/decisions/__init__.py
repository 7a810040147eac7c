"""Tests of the decision rule and slot understanding."""
