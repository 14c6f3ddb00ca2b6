// Package thvcurrent declares, as Go types, what thv-render reads of today's registry API shape
// (and, as ApiServerJSON, the server.json it writes for a v0.44.0 registry server):
// modelcontextprotocol/registry's v0.ServerJSON and pkg/model types (toolhive v0.44.0 pins
// v1.8.1) and toolhive-core's ServerExtensions (v0.0.38), field for field with the same json
// names, but only the fields thv-render uses: reading more would add type checks (and errors)
// for data it ignores. scripts/gen_go_types.py generates C++ structs and tables from it, and its
// --check compares each type with the upstream one it mirrors (scripts/go_types/registry.json);
// deliberate differences carry a `thv:` comment.
package thvcurrent

import (
	"github.com/stacklok/toolhive/pkg/permissions"
	"github.com/stacklok/toolhive/pkg/registry"
)

// ApiServer mirrors v0.ServerJSON.
type ApiServer struct {
	Name        string         `json:"name"`
	Description string         `json:"description"`
	Title       string         `json:"title,omitempty"`
	Repository  *ApiRepository `json:"repository,omitempty"` // thv: a pointer: no repository, no repository_url
	Version     string         `json:"version"`
	Packages    []ApiPackage   `json:"packages,omitempty"`
	Remotes     []ApiTransport `json:"remotes,omitempty"`
	Status      string         `json:"status,omitempty"` // thv: older API versions put the status here
}

// ApiServerJSON mirrors v0.ServerJSON for writing (scripts/go_types/upstream_registry.json):
// the server.json toolhive-core v0.0.38's converters fill (registry/converters/
// toolhive_to_upstream.go). Its parts are the reading types above and below: every field those
// leave out is omitempty and never set by the converter, so the bytes written are v0.ServerJSON's.
type ApiServerJSON struct {
	Schema      string         `json:"$schema"`
	Name        string         `json:"name"`
	Description string         `json:"description"`
	Title       string         `json:"title,omitempty"`
	Repository  *ApiRepository `json:"repository,omitempty"`
	Version     string         `json:"version"`
	WebsiteURL  string         `json:"websiteUrl,omitempty"`
	Icons       []ApiIcon      `json:"icons,omitempty"`
	Packages    []ApiPackage   `json:"packages,omitempty"`
	Remotes     []ApiTransport `json:"remotes,omitempty"`
	Meta        *ApiServerMeta `json:"_meta,omitempty"`
}

// ApiServerMeta mirrors v0.ServerMeta.
type ApiServerMeta struct {
	PublisherProvided map[string]any `json:"io.modelcontextprotocol.registry/publisher-provided,omitempty"`
}

// ApiIcon mirrors model.Icon.
type ApiIcon struct {
	Src      string   `json:"src"`
	MIMEType string   `json:"mimeType,omitempty"`
	Sizes    []string `json:"sizes,omitempty"`
	Theme    string   `json:"theme,omitempty"`
}

// ApiRepository mirrors model.Repository.
type ApiRepository struct {
	URL       string `json:"url,omitempty"`
	Source    string `json:"source,omitempty"`
	ID        string `json:"id,omitempty"`
	Subfolder string `json:"subfolder,omitempty"`
}

// ApiPackage mirrors model.Package.
type ApiPackage struct {
	RegistryType         string              `json:"registryType"`
	RegistryBaseURL      string              `json:"registryBaseUrl,omitempty"`
	Identifier           string              `json:"identifier"`
	Version              string              `json:"version,omitempty"`
	RuntimeHint          string              `json:"runtimeHint,omitempty"`
	Transport            ApiPackageTransport `json:"transport"` // thv: its headers and variables are not read
	RuntimeArguments     []ApiArgument       `json:"runtimeArguments,omitempty"`
	PackageArguments     []ApiArgument       `json:"packageArguments,omitempty"`
	EnvironmentVariables []ApiKeyValueInput  `json:"environmentVariables,omitempty"`
}

// ApiPackageTransport mirrors model.Transport as a package's transport.
type ApiPackageTransport struct {
	Type string `json:"type"`
	URL  string `json:"url,omitempty"`
}

// ApiTransport mirrors model.Transport as a remote.
type ApiTransport struct {
	Type    string             `json:"type"`
	URL     string             `json:"url,omitempty"`
	Headers []ApiKeyValueInput `json:"headers,omitempty"`
}

// ApiInput mirrors model.Input.
type ApiInput struct {
	Description string   `json:"description,omitempty"`
	IsRequired  bool     `json:"isRequired,omitempty"`
	Format      string   `json:"format,omitempty"`
	Value       string   `json:"value,omitempty"`
	IsSecret    bool     `json:"isSecret,omitempty"`
	Default     string   `json:"default,omitempty"`
	Choices     []string `json:"choices,omitempty"`
}

// ApiInputWithVariables mirrors model.InputWithVariables.
type ApiInputWithVariables struct {
	ApiInput
	Variables map[string]ApiInput `json:"variables,omitempty"`
}

// ApiKeyValueInput mirrors model.KeyValueInput.
type ApiKeyValueInput struct {
	ApiInputWithVariables
	Name string `json:"name"`
}

// ApiArgument mirrors model.Argument.
type ApiArgument struct {
	ApiInputWithVariables
	Type       string `json:"type"`
	Name       string `json:"name,omitempty"`
	ValueHint  string `json:"valueHint,omitempty"`
	IsRepeated bool   `json:"isRepeated,omitempty"`
}

// ServerExtensions mirrors toolhive-core's registry/types.ServerExtensions: the ToolHive data
// under _meta["io.modelcontextprotocol.registry/publisher-provided"]["io.github.stacklok"][key].
// Its parts are the ToolHive format's own types (toolhive 7002a239b).
type ServerExtensions struct {
	Status         string               `json:"status"`
	Tier           string               `json:"tier,omitempty"`
	Tools          []string             `json:"tools,omitempty"`
	Tags           []string             `json:"tags,omitempty"`
	Metadata       *registry.Metadata   `json:"metadata,omitempty"`
	CustomMetadata map[string]any       `json:"custom_metadata,omitempty"`
	Permissions    *permissions.Profile `json:"permissions,omitempty"`
	Args           []string             `json:"args,omitempty"`
	Provenance     *registry.Provenance `json:"provenance,omitempty"`
	DockerTags     []string             `json:"docker_tags,omitempty"`
	OAuthConfig    *registry.OAuthConfig `json:"oauth_config,omitempty"`
	EnvVars        []*registry.EnvVar   `json:"env_vars,omitempty"`
}
