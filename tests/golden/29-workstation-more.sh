# The README's deploy kit files, the host's Docker once minikube runs, minikube's not-running paths and what
# minikube stop does to kubectl's context, shell expansions and jobs on the virtual clock.
ls manifests scripts
cp manifests/secret.example.env .env
grep -c replace-with .env
scripts/deploy-minikube.sh
minikube delete
minikube ip
echo $?
minikube start > /dev/null
docker images
docker ps
minikube stop
docker ps
minikube ip
echo $?
minikube service llmops-service --url
echo $?
kubectl config current-context
kubectl get pods
minikube start > /dev/null
kubectl config current-context
n=3; echo "replicas: $((n * 2)), namespace: ${NS:-default}, ${#n} digit"
echo $((10 / 0))
sleep 30 &
jobs
wait
kubectl get nodes
curl -v localhost:8501
