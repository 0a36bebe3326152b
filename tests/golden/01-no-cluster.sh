# Before `minikube start` there is no cluster: kubectl fails like the real client with no kubeconfig.
kubectl get pods
echo $?
kubectl config current-context
kubectl version
minikube status
echo $?
minikube ip
kubectl version --client
