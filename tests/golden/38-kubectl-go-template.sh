# -o go-template: the text/template subset kubectl users reach for (fields, pipelines with base64decode, range with
# $k, $v, index, literals); a missing key prints <no value>, a parse error is reported as kubectl words it.
minikube start > /dev/null
kubectl create secret generic s --from-literal=K=hello --from-literal=U=admin
kubectl get secret s -o go-template='{{.data.K | base64decode}}{{"\n"}}'
kubectl get secret s -o go-template='{{range $k, $v := .data}}{{$k}}={{$v | base64decode}}{{"\n"}}{{end}}'
kubectl get secret s -o go-template='{{index .data "K"}}'
kubectl get pods -A -o go-template='{{range .items}}{{.metadata.name}} {{.status.phase}}{{"\n"}}{{end}}'
kubectl get secret s -o go-template='{{.nope}}'
kubectl get secret s -o go-template='{{.data.K'
