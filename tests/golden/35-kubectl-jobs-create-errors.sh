# kubectl create job (create_job.go), logs job/NAME, describe job (describeJob), and the generators wrapping the
# server error ("failed to create deployment: …", secret without a colon, "failed to create ClusterIP service: …").
minikube start > /dev/null
kubectl create job hello --image=busybox -- echo hi
kubectl create job hello --image=busybox -- echo hi
kubectl create deployment web --image=nginx > /dev/null
kubectl create deployment web --image=nginx
kubectl create configmap c --from-literal=a=b > /dev/null
kubectl create configmap c --from-literal=a=b
kubectl create namespace default
kubectl create service clusterip kubernetes --tcp=80:80
kubectl create secret generic s > /dev/null
kubectl create secret generic s
sleep 10
kubectl get jobs
kubectl get pods
kubectl logs job/hello
kubectl describe job hello
kubectl get jobs -o wide
kubectl get deploy,jobs --no-headers
