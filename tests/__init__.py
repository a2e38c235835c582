"""Tests for agreement_tracker."""
