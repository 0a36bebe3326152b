minikube start > /dev/null
kubectl explain deployment.spec.replicas
kubectl explain pod.spec.containers.imagePullPolicy
kubectl explain service.spec
kubectl explain deployment.spec.replica
kubectl api-resources
kubectl version
kubectl config get-contexts
kubectl cluster-info
kubectl top pods
kubectl get --help | head -n 3
kubectl explain deployment --recursive
