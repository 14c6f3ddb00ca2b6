// cases.json -> one line per pattern: a 0/1 per string, whether Go's regexp (the API server's
// pattern engine) matches it. See check.cc.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
)

func main() {
	var cases struct {
		Patterns []string
		Strings  []string
	}
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		panic(err)
	}
	if err := json.Unmarshal(data, &cases); err != nil {
		panic(err)
	}
	for _, p := range cases.Patterns {
		re := regexp.MustCompile(p)
		line := make([]byte, len(cases.Strings))
		for i, s := range cases.Strings {
			line[i] = '0'
			if re.MatchString(s) {
				line[i] = '1'
			}
		}
		fmt.Println(string(line))
	}
}
