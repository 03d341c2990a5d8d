//go:build tools

// Package tools pins the Pulumi CLI build for offline end-to-end tests.
// Build with ./build.sh; nothing here is compiled into the project.
package tools

import (
	_ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
)
