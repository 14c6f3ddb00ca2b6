// Package v0 declares, for writing, modelcontextprotocol/registry v1.8.1's v0.ServerJSON and the
// pkg/model types it holds (one package here: the generator takes one package per local file),
// field for field with the same json names and options, as toolhive-core v0.0.38's converters
// fill them (registry/converters/toolhive_to_upstream.go) and `thv registry convert` (toolhive
// v0.44.0) marshals them. The mirror holds no v1.8.1, so --check cannot compare these: they were
// read from the v1.8.1-era source (schema 2025-12-11, Repository a pointer, as the converter's
// `&model.Repository{...}` requires). Every field the converter leaves unset is omitempty, so
// such a field's place cannot change the bytes written.
package v0

// ServerJSON mirrors v0.ServerJSON.
type ServerJSON struct {
	Schema      string      `json:"$schema"`
	Name        string      `json:"name"`
	Description string      `json:"description"`
	Title       string      `json:"title,omitempty"`
	Repository  *Repository `json:"repository,omitempty"`
	Version     string      `json:"version"`
	WebsiteURL  string      `json:"websiteUrl,omitempty"`
	Icons       []Icon      `json:"icons,omitempty"`
	Packages    []Package   `json:"packages,omitempty"`
	Remotes     []Transport `json:"remotes,omitempty"`
	Meta        *ServerMeta `json:"_meta,omitempty"`
}

// ServerMeta mirrors v0.ServerMeta.
type ServerMeta struct {
	PublisherProvided map[string]interface{} `json:"io.modelcontextprotocol.registry/publisher-provided,omitempty"`
}

// Repository mirrors model.Repository.
type Repository struct {
	URL       string `json:"url,omitempty"`
	Source    string `json:"source,omitempty"`
	ID        string `json:"id,omitempty"`
	Subfolder string `json:"subfolder,omitempty"`
}

// Icon mirrors model.Icon.
type Icon struct {
	Src      string   `json:"src"`
	MIMEType string   `json:"mimeType,omitempty"`
	Sizes    []string `json:"sizes,omitempty"`
	Theme    string   `json:"theme,omitempty"`
}

// Package mirrors model.Package.
type Package struct {
	RegistryType         string          `json:"registryType"`
	RegistryBaseURL      string          `json:"registryBaseUrl,omitempty"`
	Identifier           string          `json:"identifier"`
	Version              string          `json:"version,omitempty"`
	FileSHA256           string          `json:"fileSha256,omitempty"`
	RuntimeHint          string          `json:"runtimeHint,omitempty"`
	Transport            Transport       `json:"transport"`
	RuntimeArguments     []Argument      `json:"runtimeArguments,omitempty"`
	PackageArguments     []Argument      `json:"packageArguments,omitempty"`
	EnvironmentVariables []KeyValueInput `json:"environmentVariables,omitempty"`
}

// Transport mirrors model.Transport.
type Transport struct {
	Type    string          `json:"type"`
	URL     string          `json:"url,omitempty"`
	Headers []KeyValueInput `json:"headers,omitempty"`
}

// Input mirrors model.Input.
type Input struct {
	Description string   `json:"description,omitempty"`
	IsRequired  bool     `json:"isRequired,omitempty"`
	Format      string   `json:"format,omitempty"`
	Value       string   `json:"value,omitempty"`
	IsSecret    bool     `json:"isSecret,omitempty"`
	Default     string   `json:"default,omitempty"`
	Choices     []string `json:"choices,omitempty"`
}

// InputWithVariables mirrors model.InputWithVariables.
type InputWithVariables struct {
	Input
	Variables map[string]Input `json:"variables,omitempty"`
}

// KeyValueInput mirrors model.KeyValueInput.
type KeyValueInput struct {
	InputWithVariables
	Name string `json:"name"`
}

// Argument mirrors model.Argument.
type Argument struct {
	InputWithVariables
	Type       string `json:"type"`
	Name       string `json:"name,omitempty"`
	ValueHint  string `json:"valueHint,omitempty"`
	IsRepeated bool   `json:"isRepeated,omitempty"`
}
