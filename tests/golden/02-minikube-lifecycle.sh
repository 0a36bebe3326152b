minikube start
minikube status
minikube ip
kubectl config current-context
kubectl get nodes
minikube stop
minikube status
echo $?
kubectl get pods
minikube start
kubectl get nodes
minikube delete
kubectl get pods
minikube version
