<?php
// Settings of the AcceptTerms extension on this test wiki, included after wfLoadExtension().
// The extension has none: this file shows where they would go.
